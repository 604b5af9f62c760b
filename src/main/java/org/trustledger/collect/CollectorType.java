package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The collector SPI. An implementation is an {@code @ApplicationScoped} CDI bean; the registry finds it
 * by {@link #name()}, which is what a definition's {@code type:} names. Implementations must observe
 * real state (files, HTTP, the database, processes, uploads), never invent results.
 */
public interface CollectorType {

    /** The {@code type:} value, e.g. {@code http-probe}. */
    String name();

    /** The params this type accepts; anything else under {@code params:} is refused at start-up. */
    List<Param> params();

    /**
     * Checks the meaning of params whose shape {@link ParamsValidator} has already accepted: report each
     * problem with its field path ({@code params.x}). Runs at start-up, so a bad definition never runs.
     */
    default void validate(JsonNode params, ProblemSink problems) {
    }

    /**
     * Observes and judges. Called on a worker thread that is interrupted when the definition's timeout
     * passes, so blocking work should be interruptible or bounded by {@code deadline}. Throwing is
     * allowed: the runner records the exception as an {@code error} run.
     */
    CollectorResult collect(CollectorDefinition definition, RunContext context) throws Exception;
}
