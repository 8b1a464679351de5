package io.salesrisk.customer.persistence;

/**
 * What a customer list asks for: a text matched against the id (prefix) and the name (anywhere, any case), and exact
 * segment, region and risk class; null or blank for any.
 */
public record CustomerSearch(String text, String segment, String region, String riskClass) {

    public CustomerSearch {
        text = blankToNull(text);
        segment = blankToNull(segment);
        region = blankToNull(region);
        riskClass = blankToNull(riskClass);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The columns a customer list sorts by; ties are broken by id. */
    public enum Sort {
        ID("id"), NAME("name"), SEGMENT("segment"), REGION("region"), CLASS("riskClass"), LIMIT("creditLimit"),
        SCORE("score"), UPDATED("updatedAt");

        private final String property;

        Sort(String property) {
            this.property = property;
        }

        public String property() {
            return property;
        }
    }
}
