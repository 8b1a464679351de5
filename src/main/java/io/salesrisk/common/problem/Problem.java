package io.salesrisk.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with the fields, lines or cells at fault.
 *
 * @param type   a URI naming the kind of problem
 * @param title  short summary of the kind
 * @param status HTTP status
 * @param detail what went wrong in this request
 * @param errors each faulty field, CSV line/column or sheet/cell
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ProblemDetail> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
