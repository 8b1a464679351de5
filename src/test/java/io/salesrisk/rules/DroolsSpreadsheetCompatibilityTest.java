package io.salesrisk.rules;

import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.engine.RuleDescriptor;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.RuleRef;
import io.salesrisk.facts.OrderCheck;
import io.salesrisk.testsupport.OrderScenario;
import io.salesrisk.testsupport.ShippedRules;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped workbook means the same to salesrisk as to Drools' own spreadsheet compiler: on the same facts the
 * same rules fire. (salesrisk generates the DRL itself so that errors can point at cells.)
 */
class DroolsSpreadsheetCompatibilityTest {

    private static KieBase droolsOwnCompilation;

    @ParameterizedTest
    @ValueSource(strings = {"", "class=B limit=600000 receivables=530000 amount=125000", "class=D amount=60000 oldestOverdueDays=20",
            "class=E terms=30 discount=40 segment=SMB contract=false amount=30000", "class=C limit=10000 overdue=2000",
            "segment=PUBLIC contract=false", "class=A amount=500000.01 terms=91"})
    void shouldFireTheSameRulesAsDroolsSpreadsheetCompiler(String given) throws Exception {
        var facts = new OrderScenario().given(given).facts();
        Map<String, RuleRef> refs = ShippedRules.get().rules().stream()
                .collect(Collectors.toMap(RuleDescriptor::name, RuleDescriptor::ref));
        // salesrisk names a row's rule by its keys (CreditLimitExceeded[B]); Drools by its position: compare the rows
        List<String> ours = OrderEvaluator.evaluate(ShippedRules.get(), facts).run().firedRules().stream()
                .map(refs::get).filter(ref -> ref.sheet() != null)
                .map(ref -> ref.name().replaceFirst("\\[.*$", "") + "_" + ref.row()).sorted().toList();

        Decision decision = new Decision();
        KieSession session = droolsOwn().newKieSession();
        List<String> theirs = new ArrayList<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                theirs.add(event.getMatch().getRule().getName());
            }
        });
        session.insert(new OrderCheck(facts.customer(), facts.order(), facts.exposure(), facts.payment(), decision));
        session.fireAllRules();
        session.dispose();

        // compiled per worksheet, Drools names rules "<Table> <Sheet>_<row>"
        assertThat(ours).isEqualTo(theirs.stream().map(name -> name.replaceFirst(" \\S+_(\\d+)$", "_$1")).sorted().toList());
    }

    private static synchronized KieBase droolsOwn() throws Exception {
        if (droolsOwnCompilation == null) {
            byte[] workbook = Files.readAllBytes(Path.of("decision-tables/order-credit-checks.xlsx"));
            KieHelper helper = new KieHelper();
            // Drools compiles one worksheet at a time; salesrisk reads every sheet of a workbook
            for (String sheet : List.of("CreditLimit", "OrderValue", "Overdue", "PaymentTerms", "Discount", "Contract", "Prepayment")) {
                helper.addContent(new SpreadsheetCompiler().compile(new ByteArrayInputStream(workbook), sheet), ResourceType.DRL);
            }
            droolsOwnCompilation = helper.build();
        }
        return droolsOwnCompilation;
    }
}
