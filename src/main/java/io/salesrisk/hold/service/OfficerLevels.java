package io.salesrisk.hold.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An officer's release level: from {@code salesrisk.holds.officer-levels.<login>}, or from a role
 * {@code release-level-N} (how an identity provider such as Keycloak grants it with OIDC), the higher of both.
 */
@ApplicationScoped
public class OfficerLevels {

    static final String ROLE_PREFIX = "release-level-";

    private final HoldsConfig config;

    public OfficerLevels(HoldsConfig config) {
        this.config = config;
    }

    public int of(SecurityIdentity identity) {
        String login = identity.getPrincipal().getName();
        int level = config.officerLevels().getOrDefault(login, 0);
        for (String role : identity.getRoles()) {
            if (role.startsWith(ROLE_PREFIX) && role.substring(ROLE_PREFIX.length()).matches("\\d{1,2}")) {
                level = Math.max(level, Integer.parseInt(role.substring(ROLE_PREFIX.length())));
            }
        }
        return level == 0 ? config.defaultOfficerLevel() : level;
    }
}
