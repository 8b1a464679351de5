package io.salesrisk.desk.customers;

import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.customer.persistence.CustomerSearch;
import io.salesrisk.customer.service.CustomerService;
import io.salesrisk.exposure.CreditStanding;
import io.salesrisk.exposure.ExposureService;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Assembles one page of the customer list: the search, the rows with today's exposure, links for sorting and paging. */
@ApplicationScoped
public class CustomerList {

    static final int PAGE_SIZE = 25;

    private final CustomerService customers;
    private final ExposureService exposures;
    private final Clock clock;

    public CustomerList(CustomerService customers, ExposureService exposures, Clock clock) {
        this.customers = customers;
        this.exposures = exposures;
        this.clock = clock;
    }

    /** What the list was asked for, as the query string carries it. */
    public record Query(String q, String segment, String region, String riskClass, CustomerSearch.Sort sort,
                        boolean descending, int page) {

        static Query of(String q, String segment, String region, String riskClass, String sort, String dir, int page) {
            CustomerSearch.Sort by = CustomerSearch.Sort.ID;
            if (sort != null && !sort.isBlank()) {
                try {
                    by = CustomerSearch.Sort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    by = CustomerSearch.Sort.ID;
                }
            }
            return new Query(trim(q), trim(segment), trim(region), trim(riskClass), by, "desc".equalsIgnoreCase(dir),
                    Math.max(1, page));
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? "" : value.trim();
        }

        CustomerSearch search() {
            return new CustomerSearch(q, segment, region, riskClass);
        }

        /** The sort parameter of this list ("" for the default, by id). */
        public String sortParam() {
            return sort == CustomerSearch.Sort.ID ? "" : sort.name().toLowerCase(Locale.ROOT);
        }

        /** The list at another page, same search and order. */
        public String pageLink(int other) {
            return link(sort, descending, other);
        }

        /** The list sorted by a column: ascending first, the other way round when it is sorted by it already. */
        public String sortLink(String column) {
            CustomerSearch.Sort by = CustomerSearch.Sort.valueOf(column);
            return link(by, by == sort && !descending, 1);
        }

        /** aria-sort of a column header: ascending, descending or none. */
        public String ariaSort(String column) {
            if (!sort.name().equals(column)) {
                return "";
            }
            return descending ? "descending" : "ascending";
        }

        private String link(CustomerSearch.Sort by, boolean desc, int toPage) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("q", q);
            parameters.put("segment", segment);
            parameters.put("region", region);
            parameters.put("riskClass", riskClass);
            parameters.put("sort", by == CustomerSearch.Sort.ID && !desc ? "" : by.name().toLowerCase(Locale.ROOT));
            parameters.put("dir", desc ? "desc" : "");
            parameters.put("page", toPage > 1 ? String.valueOf(toPage) : "");
            StringBuilder link = new StringBuilder("/desk/customers");
            char separator = '?';
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                if (!p.getValue().isEmpty()) {
                    link.append(separator).append(p.getKey()).append('=')
                            .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                    separator = '&';
                }
            }
            return link.toString();
        }
    }

    /** A listed customer with its exposure today (null when it could not be measured). */
    public record Row(CustomerEntity customer, BigDecimal exposure, BigDecimal utilizationPercent) {
    }

    /** The page: rows, the total found, paging figures. */
    public record Page(Query query, List<Row> rows, long total, int pages, int from, int to) {

        public boolean hasPrevious() {
            return query.page() > 1;
        }

        public boolean hasNext() {
            return query.page() < pages;
        }

        public String previousLink() {
            return query.pageLink(query.page() - 1);
        }

        public String nextLink() {
            return query.pageLink(query.page() + 1);
        }
    }

    public Page page(Query query) {
        int offset = (query.page() - 1) * PAGE_SIZE;
        CustomerService.CustomerPage found = customers.search(query.search(), query.sort(), query.descending(), offset,
                PAGE_SIZE);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        for (CustomerEntity customer : found.customers()) {
            // one indexed aggregate per listed customer: a page holds 25
            CreditStanding standing = exposures.standing(customer.id, BigDecimal.ZERO, null, today).orElse(null);
            rows.add(standing == null ? new Row(customer, null, null)
                    : new Row(customer, standing.exposure().getTotalExposure(), standing.exposure().getUtilizationPercent()));
        }
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = rows.isEmpty() ? 0 : offset + 1;
        return new Page(query, rows, found.total(), pages, from, offset + rows.size());
    }
}
