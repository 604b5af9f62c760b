package org.trustledger.tlog;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The ledger's Ed25519 key with its identity: {@code keyId} is the lowercase hex SHA-256 of the
 * public key's SubjectPublicKeyInfo DER (what {@code openssl pkey -pubout -outform DER | sha256sum}
 * prints), and {@code origin} is the checkpoint origin, which is also the signed-note key name.
 * {@link #toString} never shows the private key.
 */
public final class SigningKey {

    private final Ed25519PrivateKeyParameters privateKey;
    private final String origin;
    private final byte[] publicKey;
    private final String keyId;
    private final NoteSigner noteSigner;

    public SigningKey(Ed25519PrivateKeyParameters privateKey, String origin) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.keyId = keyIdOf(publicKey);
        this.noteSigner = new NoteSigner(origin, privateKey);
    }

    /** key_id of a raw 32-byte Ed25519 public key. */
    public static String keyIdOf(byte[] publicKey) {
        String pem = Ed25519Keys.toSpkiPem(Ed25519Keys.publicKey(publicKey));
        return Codec.toHex(Hashes.sha256(Pem.decode("PUBLIC KEY", pem)));
    }

    public String keyId() {
        return keyId;
    }

    public String origin() {
        return origin;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyPem() {
        return Ed25519Keys.toSpkiPem(privateKey.generatePublicKey());
    }

    public NoteVerifier noteVerifier() {
        return noteSigner.verifier();
    }

    /** Signed note over {@code text}. */
    public String signNote(String text) {
        return SignedNote.sign(text, noteSigner);
    }

    /** Detached Ed25519 signature over exact bytes. */
    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", " + origin + "]";
    }
}
