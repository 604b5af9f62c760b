package org.trustledger.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What every collector type shares, so a type states only its name, its parameters and its check: the
 * declared parameters are the ones {@link ParamsValidator} enforces, and an integer parameter declared with
 * a range ({@link Param#integer}) is range-checked here. A type with further rules about its parameters
 * (formats, files, URLs) overrides {@link #checkParams}.
 */
public abstract class BaseCollectorType implements CollectorType {

    private final String name;
    private final List<Param> params;

    protected BaseCollectorType(String name, Param... params) {
        this.name = name;
        this.params = List.of(params);
    }

    /** Only for the CDI client proxy of an {@code @ApplicationScoped} type, which delegates every call and reads no field. */
    protected BaseCollectorType() {
        this.name = null;
        this.params = List.of();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public void validate(JsonNode values, ProblemSink problems) {
        for (Param p : params) {
            if (p.range() != null && values.has(p.name())) {
                int v = values.get(p.name()).asInt();
                if (v < p.range().min() || v > p.range().max()) {
                    problems.add("params." + p.name(), "must be from " + p.range().min() + " to " + p.range().max());
                }
            }
        }
        checkParams(values, problems);
    }

    /** Rules beyond shape and range; {@code values} already has the declared shape. */
    protected void checkParams(JsonNode values, ProblemSink problems) {
    }
}
