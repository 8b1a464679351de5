package io.salesrisk.reevaluation.run;

/**
 * Who assesses a run's customers. The service's workers always store the results and finish the run; with
 * {@code SPARK} a Spark job (module {@code spark/}) assesses the chunks and stages their results, and the workers
 * take a chunk only once it is staged.
 */
public enum RunExecutor { SERVICE, SPARK }
