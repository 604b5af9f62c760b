package org.trustledger.config;

import java.util.List;

/**
 * One or more configuration files are invalid. {@link #problems()} lists every problem found, each as
 * {@code <file>: <field path>: <reason>}, for example
 * {@code system/system-description.yaml: vendors[3].url: not an https URL}; the message is the same lines
 * joined with {@code \n}, which start-up prints as they are.
 */
public final class ConfigFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems given");
        }
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
