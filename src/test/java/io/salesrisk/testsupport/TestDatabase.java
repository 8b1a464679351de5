package io.salesrisk.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies {@link PostgresTestResource} to every Quarkus test in the suite. */
@QuarkusTestResource(PostgresTestResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
