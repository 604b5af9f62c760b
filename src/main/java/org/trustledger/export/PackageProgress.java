package org.trustledger.export;

/**
 * Told how far {@link AuditPackageWriter} has got, for the console's progress display: evidence items are most of a
 * package, so they are counted one by one; the steps after them are named. Called on the writing thread; keep it cheap.
 */
public interface PackageProgress {

    PackageProgress NONE = new PackageProgress() {
    };

    /** {@code written} of the plan's evidence items are in the zip. */
    default void evidence(long written) {
    }

    /** The writer started the named step ("evidence", "manifests", ...). */
    default void step(String name) {
    }
}
