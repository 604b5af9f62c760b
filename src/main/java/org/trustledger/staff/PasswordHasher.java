package org.trustledger.staff;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt ($2b$) through BouncyCastle, so no second crypto library is needed. */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords would silently share a hash. */
    public static final int MAX_BYTES = 72;

    private final SecureRandom random = new SecureRandom();
    private final int cost;
    /** Checked against when the account does not exist, so timing does not reveal which names exist. */
    private final String decoy;

    public PasswordHasher(StaffConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy-password-never-used");
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    public void burnTime(String password) {
        matches(password, decoy);
    }

    /** Null when acceptable, otherwise the reason. */
    public static String weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes";
        }
        if (password.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
