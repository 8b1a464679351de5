package io.salesrisk.imports.service;

import io.salesrisk.common.problem.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.TreeMap;

/** Routes a CSV upload to the importer of its kind. */
@ApplicationScoped
public class ImportService {

    private final Map<String, CsvImporter> importers = new TreeMap<>();

    public ImportService(Instance<CsvImporter> all) {
        all.forEach(importer -> importers.put(importer.kind(), importer));
    }

    public ImportResult importCsv(String kind, String csv) {
        CsvImporter importer = importers.get(kind);
        if (importer == null) {
            throw new NotFoundException(null, "no import of kind '" + kind + "'; kinds: " + String.join(", ", importers.keySet()));
        }
        return importer.importCsv(csv);
    }
}
