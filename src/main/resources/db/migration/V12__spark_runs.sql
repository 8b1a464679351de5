-- Runs handed to Spark (issue 14): Spark executors assess a run's chunks and stage the results here; the service's
-- workers then store each staged chunk exactly as they store a chunk they assessed themselves, and finish the run.
ALTER TABLE reevaluation_runs ADD COLUMN executor VARCHAR(10) DEFAULT 'SERVICE' NOT NULL;
-- set by the Spark task, in the transaction that stages the chunk's results; a run's workers claim only staged chunks
ALTER TABLE reevaluation_chunks ADD COLUMN staged_at TIMESTAMP WITH TIME ZONE;

-- one row per (run, chunk): its customers are exactly the chunk's id range, so a retried task or a re-submitted job
-- finds the row and adds nothing; the row is deleted in the transaction that stores its results
CREATE TABLE reevaluation_staged_chunks (
    run_id       UUID           NOT NULL REFERENCES reevaluation_runs (id),
    chunk_no     INTEGER        NOT NULL,
    customers    INTEGER        NOT NULL,
    -- the chunk's StagedResult list, Java-serialized and gzipped (io.salesrisk.reevaluation.staged.StagedChunk)
    results      BYTEA          NOT NULL,
    staged_by    VARCHAR(200)   NOT NULL,
    staged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, chunk_no)
);
