package org.trustledger.tlog;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A named Ed25519 signing key for C2SP signed notes. Parses Go's signer key format
 * {@code PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || seed)>} (golang.org/x/mod/sumdb/note).
 * Not a record, and {@link #toString} omits the key, so the secret does not leak into logs.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final Ed25519PrivateKeyParameters key;
    private final NoteVerifier verifier;

    public NoteSigner(String name, Ed25519PrivateKeyParameters key) {
        NoteVerifier.requireValidName(name);
        this.name = name;
        this.key = key;
        this.verifier = new NoteVerifier(name, key.generatePublicKey());
    }

    /** Parses a signer key string, checking that its key ID matches the derived public key. */
    public static NoteSigner parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            throw new IllegalArgumentException("signer key must start with " + PREFIX);
        }
        // Only the first two '+' separate fields: base64 uses '+' too.
        String[] parts = skey.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("signer key must be PRIVATE+KEY+<name>+<hex key id>+<base64 key>");
        }
        int id = NoteVerifier.parseKeyId(parts[1]);
        byte[] seed = Codec.fromBase64(parts[2]);
        if (seed.length != 1 + Ed25519Keys.SEED_SIZE || seed[0] != NoteVerifier.ALG_ED25519) {
            throw new IllegalArgumentException("signer key is not an Ed25519 key");
        }
        NoteSigner s = new NoteSigner(parts[0], Ed25519Keys.fromSeed(Arrays.copyOfRange(seed, 1, seed.length)));
        if (s.verifier.keyId() != id) {
            throw new IllegalArgumentException("signer key ID does not match name and key");
        }
        return s;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return verifier.keyId();
    }

    public Ed25519PrivateKeyParameters privateKey() {
        return key;
    }

    /** The matching verifier. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The signer key string, parseable by {@link #parse}. Secret. */
    public String encode() {
        byte[] seed = new byte[1 + Ed25519Keys.SEED_SIZE];
        seed[0] = NoteVerifier.ALG_ED25519;
        key.encode(seed, 1);
        return PREFIX + name + "+" + String.format("%08x", keyId()) + "+" + Codec.toBase64(seed);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.encode() + "]";
    }
}
