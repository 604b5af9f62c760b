package org.trustledger.system;

import java.util.List;

/**
 * The system description could not be loaded. {@link #problems()} lists every problem found, each as
 * {@code <file>: <field path>: <reason>}, for example
 * {@code system/system-description.yaml: vendors[3].url: not an https URL}. The message is the same
 * lines joined with {@code \n}.
 */
public final class InvalidSystemDescriptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSystemDescriptionException(List<String> problems) {
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
