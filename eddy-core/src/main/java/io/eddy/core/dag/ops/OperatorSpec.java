package io.eddy.core.dag.ops;

import io.eddy.api.annotation.Internal;
import java.io.Serializable;

/**
 * What an operator does, as the API recorded it: the user's function(s) and parameters. The runtime
 * owns the operators and maps each spec to one; users never see operators.
 */
@Internal
public interface OperatorSpec extends Serializable {}
