package io.salesrisk.customer.persistence;

import java.util.List;

/**
 * Which customers a batch covers: all, one segment, one region or a list of ids.
 *
 * @param segment null unless one segment
 * @param region  null unless one region
 * @param ids     empty unless a list
 */
public record CustomerSelection(String segment, String region, List<String> ids) {

    public CustomerSelection {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static CustomerSelection all() {
        return new CustomerSelection(null, null, List.of());
    }
}
