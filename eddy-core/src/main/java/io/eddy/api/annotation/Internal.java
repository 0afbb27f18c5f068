package io.eddy.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not API: public only because Eddy's own modules use it across packages. It may change or
 * disappear in any release. No public signature in {@code io.eddy.api} exposes an {@code @Internal}
 * type (an ArchUnit test in eddy-core checks this).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Internal {}
