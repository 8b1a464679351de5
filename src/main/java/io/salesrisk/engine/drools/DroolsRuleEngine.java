package io.salesrisk.engine.drools;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RulePolicy;
import io.salesrisk.engine.RuleSetCompilationException;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.DrlRenderer;
import io.salesrisk.engine.table.GeneratedDrl;
import io.salesrisk.engine.table.TableAnalyzer;
import io.salesrisk.facts.RuleRef;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles DRL files and decision-table workbooks with Drools' classic (interpreted, MVEL-based) engine at
 * runtime. Workbooks are turned into DRL by {@link DrlRenderer} so that every compiler error can be reported at
 * the sheet and cell it came from.
 */
public final class DroolsRuleEngine implements RuleEngine, AutoCloseable {

    /** How long one run of the rules may take unless the caller says otherwise. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);

    /** Tables larger than this are compiled in slices of this many rules, one slice per core at a time. */
    static final int CHUNK_RULES = 250;

    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    private final int maxFirings;
    private final Executor compilers;
    private final RunWatchdog watchdog;
    private final ClassLoader factClassLoader;

    /**
     * @param maxFirings rule firings allowed per evaluation before the run is stopped as a loop
     * @param timeBudget how long one evaluation may take before it is stopped and reported as too slow
     * @param compilers  runs the slices of large tables in parallel (the service passes its managed executor)
     */
    public DroolsRuleEngine(int maxFirings, Duration timeBudget, Executor compilers) {
        this.maxFirings = maxFirings;
        this.compilers = compilers;
        this.watchdog = new RunWatchdog(timeBudget);
        this.factClassLoader = RuleRef.class.getClassLoader();
    }

    /** An engine with the default time budget that compiles on the calling thread, for tests and tools. */
    public DroolsRuleEngine(int maxFirings) {
        this(maxFirings, DEFAULT_TIME_BUDGET, Runnable::run);
    }

    /** Stops the watchdog thread; rule sets compiled by this engine must not run afterwards. */
    @Override
    public void close() {
        watchdog.close();
    }

    @Override
    public CompiledRuleSet compile(RuleSources sources) throws RuleSetCompilationException {
        List<CompileMessage> messages = new ArrayList<>();
        Map<String, RuleRef> refs = new HashMap<>();
        Map<String, GeneratedDrl> generated = new HashMap<>();
        Map<String, RuleFile> filesByResource = new HashMap<>();
        List<DecisionTableWorkbook> workbooks = new ArrayList<>();
        List<Resource> shared = new ArrayList<>();
        List<List<Resource>> chunks = new ArrayList<>();

        for (RuleFile file : sources.ruleFiles()) {
            if (file.isDrl()) {
                messages.addAll(RulePolicy.checkDrl(file));
                shared.add(resource(file.path(), file.content()));
                filesByResource.put(file.path(), file);
                refs.putAll(drlRules(file));
            } else if (file.isWorkbook()) {
                GeneratedDrl drl = generate(file, messages, workbooks);
                if (drl == null) {
                    continue;
                }
                refs.putAll(drl.rules());
                messages.addAll(RulePolicy.checkTable(file.fileName(), drl));
                List<GeneratedDrl> parts = drl.rules().size() > CHUNK_RULES ? drl.split(CHUNK_RULES) : List.of(drl);
                for (int i = 0; i < parts.size(); i++) {
                    String resourcePath = file.path() + (parts.size() == 1 ? "" : ".part" + i) + ".drl";
                    Resource resource = resource(resourcePath, parts.get(i).drl().getBytes(StandardCharsets.UTF_8));
                    generated.put(resourcePath, parts.get(i));
                    filesByResource.put(resourcePath, file);
                    if (parts.size() == 1) {
                        shared.add(resource);
                    } else {
                        chunks.add(List.of(resource));
                    }
                }
            } else {
                messages.add(CompileMessage.error(file.fileName(), 0, "not a rule file: expected .drl, .xlsx or .xls"));
            }
        }

        List<List<Resource>> units = new ArrayList<>();
        units.add(shared);
        units.addAll(chunks);
        List<KnowledgeBuilder> builders = buildInParallel(units, messages);
        CompileErrorMapper mapper = new CompileErrorMapper(generated, filesByResource);
        for (KnowledgeBuilder builder : builders) {
            for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
                messages.add(mapper.map(result));
            }
        }
        List<CompileMessage> located = mapper.finish(messages);
        if (located.stream().anyMatch(m -> m.level() == CompileMessage.Level.ERROR)) {
            throw new RuleSetCompilationException(located);
        }
        InternalKnowledgeBase knowledgeBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(new Properties(), factClassLoader));
        for (KnowledgeBuilder builder : builders) {
            knowledgeBase.addPackages(builder.getKnowledgePackages());
        }
        return new DroolsRuleSet(sources, knowledgeBase, refs, located, maxFirings, watchdog, workbooks);
    }

    /**
     * Compiles each unit in its own builder, in parallel: the first unit holds the DRL files and small tables, the
     * others are slices of large tables, whose rules are independent of each other.
     */
    private List<KnowledgeBuilder> buildInParallel(List<List<Resource>> units, List<CompileMessage> messages) {
        List<CompletableFuture<KnowledgeBuilder>> futures = new ArrayList<>();
        for (List<Resource> unit : units) {
            futures.add(CompletableFuture.supplyAsync(() -> withFactClassLoader(() -> build(unit)), compilers));
        }
        List<KnowledgeBuilder> builders = new ArrayList<>();
        for (CompletableFuture<KnowledgeBuilder> future : futures) {
            try {
                builders.add(future.join());
            } catch (CompletionException e) {
                messages.add(CompileMessage.error(null, 0, "the rule compiler failed: " + e.getCause().getMessage()));
            }
        }
        return builders;
    }

    /** Drools looks up its services through the context class loader, which must see the fact classes. */
    private <T> T withFactClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(factClassLoader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private KnowledgeBuilder build(List<Resource> resources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(new Properties(), factClassLoader));
        CompositeKnowledgeBuilder batch = builder.batch();
        resources.forEach(resource -> batch.add(resource, ResourceType.DRL));
        try {
            batch.build();
        } catch (RuntimeException e) {
            // Drools throws for some malformed input instead of reporting it; its errors are still collected
            if (!builder.hasErrors()) {
                throw e;
            }
        }
        return builder;
    }

    private static Resource resource(String path, byte[] content) {
        Resource resource = ResourceFactory.newByteArrayResource(content);
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    private static GeneratedDrl generate(RuleFile file, List<CompileMessage> messages, List<DecisionTableWorkbook> workbooks) {
        try {
            DecisionTableWorkbook workbook = DecisionTableWorkbook.read(file.fileName(), file.content());
            messages.addAll(workbook.messages());
            if (workbook.hasErrors()) {
                return null;
            }
            workbooks.add(workbook);
            GeneratedDrl drl = DrlRenderer.render(workbook);
            messages.addAll(drl.messages());
            if (drl.messages().stream().anyMatch(m -> m.level() == CompileMessage.Level.ERROR)) {
                // a cell the generator already refused (an unknown reaction, a text where a number belongs): its
                // message says what is allowed, the Java compiler's message on the same cell would not
                return null;
            }
            messages.addAll(TableAnalyzer.analyse(file.fileName(), workbook.tables(), workbook.properties()));
            return drl;
        } catch (IOException e) {
            messages.add(CompileMessage.error(file.fileName(), 0, e.getMessage()));
            return null;
        }
    }

    /** Rule names of a DRL file with the line each starts on. */
    private static Map<String, RuleRef> drlRules(RuleFile file) {
        Map<String, RuleRef> refs = new HashMap<>();
        String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DRL_RULE.matcher(lines[i]);
            if (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                String source = file.fileName() + ", line " + (i + 1);
                refs.put(name, new RuleRef(name, source, file.fileName(), null, i + 1, Map.of()));
            }
        }
        return refs;
    }
}
