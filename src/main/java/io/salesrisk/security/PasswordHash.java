package io.salesrisk.security;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Prints the bcrypt hash of a password for {@code salesrisk.security.users.<name>.password-hash}:
 * {@code ./mvnw -q exec:java -Dexec.mainClass=io.salesrisk.security.PasswordHash -Dexec.args='s3cret'}.
 */
public final class PasswordHash {

    private PasswordHash() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PasswordHash <password>");
            System.exit(2);
        }
        System.out.println(BcryptUtil.bcryptHash(args[0], 10));
    }
}
