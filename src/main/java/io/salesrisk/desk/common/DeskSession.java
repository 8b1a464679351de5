package io.salesrisk.desk.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The signed-in user as the desk's templates see it ({@code {inject:desk.officer}}): what the role may see and do.
 * Risk officers act; auditors read everything and act on nothing; sales see the dashboard, customers and orders.
 */
@RequestScoped
@Named("desk")
public class DeskSession {

    public static final String OFFICER = "risk-officer";
    public static final String AUDITOR = "auditor";
    public static final String SALES = "sales";

    private final SecurityIdentity identity;

    public DeskSession(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean officer() {
        return identity.hasRole(OFFICER);
    }

    public boolean auditor() {
        return identity.hasRole(AUDITOR);
    }

    public boolean sales() {
        return identity.hasRole(SALES);
    }

    /** Reads the risk pages: worklist, rule sets, runs, alerts and plans. */
    public boolean reviewer() {
        return officer() || auditor();
    }

    public String roleLabel() {
        if (officer()) {
            return "risk officer";
        }
        if (auditor()) {
            return "auditor";
        }
        return sales() ? "sales" : "";
    }
}
