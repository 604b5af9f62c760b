package org.trustledger.tlog;

import static org.trustledger.tlog.VerificationException.Reason.MALFORMED;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) keys, signatures and their PEM forms, via BouncyCastle's lightweight API,
 * which signs and verifies about 20x faster than JDK 17's EdDSA provider.
 *
 * <p>PEM output is what OpenSSL writes and reads: PKCS#8 v1 ("PRIVATE KEY", RFC 8410 §7, seed only)
 * and SubjectPublicKeyInfo ("PUBLIC KEY"). Reading also accepts PKCS#8 v2 with an embedded public key.
 */
public final class Ed25519Keys {

    public static final int SEED_SIZE = Ed25519PrivateKeyParameters.KEY_SIZE;
    public static final int PUBLIC_KEY_SIZE = Ed25519PublicKeyParameters.KEY_SIZE;
    public static final int SIGNATURE_SIZE = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    /** id-Ed25519 (RFC 8410); bcprov only has the constant in an internal package. */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private Ed25519Keys() {
    }

    /** A new random key. */
    public static Ed25519PrivateKeyParameters generate(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(random);
    }

    /** The key with the given 32-byte RFC 8032 seed ("secret key"). */
    public static Ed25519PrivateKeyParameters fromSeed(byte[] seed) {
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed must be " + SEED_SIZE + " bytes");
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    /** The public key with the given 32-byte encoding; rejects encodings that are not curve points. */
    public static Ed25519PublicKeyParameters publicKey(byte[] encoded) {
        if (encoded.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key must be " + PUBLIC_KEY_SIZE + " bytes");
        }
        return new Ed25519PublicKeyParameters(encoded, 0);
    }

    /** Deterministic RFC 8032 signature over {@code message}; 64 bytes. */
    public static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        byte[] signature = new byte[SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    /** Returns normally if {@code signature} is valid for {@code message}, else throws. */
    public static void verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            throw new VerificationException(MALFORMED, "Ed25519 signature must be " + SIGNATURE_SIZE + " bytes");
        }
        // Straight over the caller's array (as in sign): Ed25519Signer would first copy the message into a growing
        // buffer, which for a large package.json costs more memory than the verifier's whole index of the package.
        if (!key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
            throw new BadSignatureException("Ed25519", "Ed25519 signature does not verify");
        }
    }

    /** PKCS#8 v1 PEM, as {@code openssl genpkey -algorithm ed25519} writes. */
    public static String toPkcs8Pem(Ed25519PrivateKeyParameters key) {
        // Built by hand rather than with PrivateKeyInfoFactory, which emits v2 with the public key
        // attached: v1 is the RFC 8410 example form and the one every OpenSSL version reads.
        try {
            PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519),
                    new DEROctetString(key.getEncoded()));
            return Pem.encode(PRIVATE_LABEL, info.getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PKCS#8 "PRIVATE KEY" PEM holding an Ed25519 key. */
    public static Ed25519PrivateKeyParameters fromPkcs8Pem(String pem) {
        byte[] der = Pem.decode(PRIVATE_LABEL, pem);
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("invalid PKCS#8 private key: " + e.getMessage(), e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters)) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getClass().getSimpleName());
        }
        return (Ed25519PrivateKeyParameters) key;
    }

    /** SubjectPublicKeyInfo PEM, as {@code openssl pkey -pubout} writes. */
    public static String toSpkiPem(Ed25519PublicKeyParameters key) {
        try {
            return Pem.encode(PUBLIC_LABEL,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a SubjectPublicKeyInfo "PUBLIC KEY" PEM holding an Ed25519 key. */
    public static Ed25519PublicKeyParameters fromSpkiPem(String pem) {
        byte[] der = Pem.decode(PUBLIC_LABEL, pem);
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("invalid SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getClass().getSimpleName());
        }
        return (Ed25519PublicKeyParameters) key;
    }
}
