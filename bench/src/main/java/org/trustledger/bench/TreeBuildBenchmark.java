package org.trustledger.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustledger.tlog.CompactRange;
import org.trustledger.tlog.Hashes;

/**
 * Root over 1,000,000 leaf hashes with {@link CompactRange}, against its floor: a plain loop making
 * the same 999,999 RFC 6962 node-hash calls (SHA-256 of 0x01 || left || right) with the JDK
 * MessageDigest and nothing else. Target: CompactRange within 1.3x of the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TreeBuildBenchmark {

    static final int N = 1_000_000;

    byte[][] leaves;

    @Setup
    public void setup() {
        leaves = new byte[N][];
        for (int i = 0; i < N; i++) {
            leaves[i] = Hashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
        }
    }

    @Benchmark
    public byte[] compactRange() {
        CompactRange r = new CompactRange();
        for (byte[] leaf : leaves) {
            r.append(leaf);
        }
        return r.root();
    }

    /** The floor: 999,999 node hashes in a chain, no tree bookkeeping at all. */
    @Benchmark
    public byte[] nodeHashFloor() throws DigestException {
        MessageDigest md = Hashes.newSha256();
        byte[] buf = new byte[65];
        buf[0] = 0x01;
        byte[] h = leaves[0].clone();
        for (int i = 1; i < N; i++) {
            System.arraycopy(h, 0, buf, 1, 32);
            System.arraycopy(leaves[i], 0, buf, 33, 32);
            md.update(buf, 0, 65);
            md.digest(h, 0, 32);
        }
        return h;
    }
}
