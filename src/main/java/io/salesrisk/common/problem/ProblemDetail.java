package io.salesrisk.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with the input, located as precisely as the input allows.
 *
 * @param field   JSON field path (e.g. {@code amount}) or CSV column name
 * @param line    CSV line number (1 = header)
 * @param file    file name for rule files and uploads
 * @param sheet   sheet name for workbooks
 * @param cell    cell reference such as D14
 * @param value   the offending value, when short enough to show
 * @param message what is wrong and what was expected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String field, Integer line, String file, String sheet, String cell, String value, String message) {

    public static ProblemDetail field(String field, String message) {
        return new ProblemDetail(field, null, null, null, null, null, message);
    }

    public static ProblemDetail csv(int line, String column, String value, String message) {
        return new ProblemDetail(column, line, null, null, null, value, message);
    }
}
