package org.trustledger.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component of a configuration model (see {@link RecordShape}) that may be omitted in the YAML. A list
 * marked this way may also be empty. Components without this annotation are required: the loader
 * reports them as missing, and reports a required list that is empty.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalField {
}
