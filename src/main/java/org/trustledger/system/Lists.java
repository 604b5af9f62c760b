package org.trustledger.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Null-tolerant list copies for the model records. */
final class Lists {
    private Lists() {
    }

    /**
     * Unmodifiable copy; {@code null} becomes the empty list. Null elements are kept so that list
     * positions stay stable while an invalid file is still being validated. The loader never returns
     * a description that contains them.
     */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
