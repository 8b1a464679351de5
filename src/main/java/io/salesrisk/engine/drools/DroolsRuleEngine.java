package io.salesrisk.engine.drools;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSetCompilationException;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.DecisionTableParser;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.DrlRenderer;
import io.salesrisk.engine.table.GeneratedDrl;
import io.salesrisk.engine.table.WorkbookReader;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles DRL files and decision-table workbooks with Drools' classic (interpreted, MVEL-based) engine at
 * runtime. Workbooks are turned into DRL by {@link DrlRenderer} so that every compiler error can be reported at
 * the sheet and cell it came from.
 */
public final class DroolsRuleEngine implements RuleEngine {

    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    private final int maxFirings;
    private final ClassLoader factClassLoader;

    /**
     * @param maxFirings rule firings allowed per evaluation before the run is stopped as a loop
     */
    public DroolsRuleEngine(int maxFirings) {
        this.maxFirings = maxFirings;
        this.factClassLoader = RuleRef.class.getClassLoader();
    }

    @Override
    public CompiledRuleSet compile(RuleSources sources) throws RuleSetCompilationException {
        List<CompileMessage> messages = new ArrayList<>();
        Map<String, RuleRef> refs = new HashMap<>();
        Map<String, GeneratedDrl> generated = new HashMap<>();
        Map<String, RuleFile> filesByResource = new HashMap<>();
        List<Resource> resources = new ArrayList<>();

        for (RuleFile file : sources.files()) {
            if (file.isDrl()) {
                resources.add(resource(file.path(), file.content()));
                filesByResource.put(file.path(), file);
                refs.putAll(drlRules(file));
            } else if (file.isWorkbook()) {
                GeneratedDrl drl = generate(file, messages);
                if (drl != null) {
                    String resourcePath = file.path() + ".drl";
                    resources.add(resource(resourcePath, drl.drl().getBytes(StandardCharsets.UTF_8)));
                    generated.put(resourcePath, drl);
                    filesByResource.put(resourcePath, file);
                    refs.putAll(drl.rules());
                }
            } else {
                messages.add(CompileMessage.error(file.fileName(), 0, "not a rule file: expected .drl, .xlsx or .xls"));
            }
        }

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(new Properties(), factClassLoader));
        CompositeKnowledgeBuilder batch = builder.batch();
        resources.forEach(resource -> batch.add(resource, ResourceType.DRL));
        try {
            batch.build();
        } catch (RuntimeException e) {
            // Drools throws for some malformed input instead of reporting it; its errors are still collected below
            if (!builder.hasErrors()) {
                messages.add(CompileMessage.error(null, 0, "the rule compiler failed: " + e.getMessage()));
            }
        }
        CompileErrorMapper mapper = new CompileErrorMapper(generated, filesByResource);
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            messages.add(mapper.map(result));
        }
        List<CompileMessage> located = mapper.finish(messages);
        if (located.stream().anyMatch(m -> m.level() == CompileMessage.Level.ERROR)) {
            throw new RuleSetCompilationException(located);
        }
        InternalKnowledgeBase knowledgeBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(new Properties(), factClassLoader));
        knowledgeBase.addPackages(builder.getKnowledgePackages());
        return new DroolsRuleSet(sources, knowledgeBase, refs, located, maxFirings);
    }

    private static Resource resource(String path, byte[] content) {
        Resource resource = ResourceFactory.newByteArrayResource(content);
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    private static GeneratedDrl generate(RuleFile file, List<CompileMessage> messages) {
        try {
            DecisionTableWorkbook workbook = DecisionTableParser.parse(file.fileName(), WorkbookReader.read(file.content()));
            messages.addAll(workbook.messages());
            if (workbook.hasErrors()) {
                return null;
            }
            GeneratedDrl drl = DrlRenderer.render(workbook);
            messages.addAll(drl.messages());
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
