package org.trustledger.verifier;

/**
 * What the verifier keeps of one file: its digest as package.json lists it, whether SHA256SUMS lists it, and what
 * the zip holds. One of these per file and nothing of the contents, so a package of any size verifies in memory
 * proportional to its number of files (about 250 bytes each).
 */
final class FileState {
    boolean listed;
    byte[] listedSha256; // null when listed with something that is not a SHA-256 in hex
    long listedSize = -1;
    boolean inSums;
    boolean inZip;
    byte[] sha256;
    long size;
    boolean proven;
}
