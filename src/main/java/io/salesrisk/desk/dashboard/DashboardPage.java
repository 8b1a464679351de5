package io.salesrisk.desk.dashboard;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The desk's first page: today's and this week's outcomes, holds, alerts, plans, exposure over the last runs. */
@Path("/desk")
@Authenticated
public class DashboardPage {

    private final Template dashboard;
    private final DashboardFigures figures;

    public DashboardPage(@Location("desk/dashboard/dashboard.html") Template dashboard, DashboardFigures figures) {
        this.dashboard = dashboard;
        this.figures = figures;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return dashboard.data("nav", "dashboard").data("d", figures.dashboard());
    }
}
