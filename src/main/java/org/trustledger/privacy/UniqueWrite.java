package org.trustledger.privacy;

import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.trustledger.common.DomainException;

/** A register write that a uniqueness constraint may refuse, e.g. when a concurrent request won the race. */
final class UniqueWrite {

    private UniqueWrite() {
    }

    /** Runs {@code write} (a flush); a unique-constraint violation becomes {@code conflict}, anything else propagates. */
    static void orConflict(Runnable write, Supplier<DomainException> conflict) {
        try {
            write.run();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException c && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                    throw conflict.get();
                }
            }
            throw e;
        }
    }
}
