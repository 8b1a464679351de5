package io.salesrisk.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates HTTP Basic credentials against the bcrypt hashes in {@link UsersConfig}. bcrypt is deliberately
 * slow (~50 ms), so a successful check is remembered as a salted SHA-256 of the password: a system that calls the
 * API thousands of times a second pays bcrypt once per user, not per request.
 */
@ApplicationScoped
public class ConfigUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UsersConfig config;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    public ConfigUserIdentityProvider(UsersConfig config) {
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        UsersConfig.User user = config.users().get(username);
        if (user == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        byte[] fingerprint = fingerprint(user.passwordHash(), password);
        byte[] known = verified.get(username);
        if (known != null && MessageDigest.isEqual(known, fingerprint)) {
            return Uni.createFrom().item(identity(username, user));
        }
        return context.runBlocking(() -> {
            if (!BcryptUtil.matches(password, user.passwordHash())) {
                throw new AuthenticationFailedException();
            }
            verified.put(username, fingerprint);
            return identity(username, user);
        });
    }

    private static SecurityIdentity identity(String username, UsersConfig.User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(user.roles())
                .addCredential(new PasswordCredential(new char[0]))
                .build();
    }

    /** SHA-256 over the stored hash (a per-user secret salt) and the password. */
    private static byte[] fingerprint(String hash, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(hash.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
