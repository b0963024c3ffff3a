package io.resoto.worker.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a config key. Put it on a component of a config section record; the text becomes the
 * comment above the key in the sample configuration the worker prints.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Doc {
  /** One or more sentences; line breaks start new comment lines. */
  String value();
}
