/**
 * What flows through a stream: {@link StreamElement}s, i.e. a {@link StreamRecord} (value and
 * optional timestamp), a {@link WatermarkElement} and a {@link WatermarkStatus}, and the {@link
 * StreamElementSerializer} that writes them with a one-byte tag on every non-chained edge. The
 * bottom layer of the runtime: it imports no other runtime package.
 */
package io.eddy.runtime.streamrecord;
