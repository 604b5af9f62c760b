package org.trustledger.collect;

/** Where a collector type reports what is wrong with its params: field path (e.g. {@code params.urls[1]}) and reason. */
@FunctionalInterface
public interface ProblemSink {
    void add(String field, String reason);
}
