package io.salesrisk.ruleset;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.TooLargeException;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.ruleset.service.RuleSetUpload;
import io.salesrisk.testsupport.TestRulesConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads land in the right folder, within limits; zip bombs and path tricks are refused. */
class RuleSetUploadTest {

    private final TestRulesConfig config = new TestRulesConfig(Path.of("rules"), Path.of("decision-tables"), true, true);

    private static byte[] zip(Object... nameAndContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void shouldPlaceFilesByTypeOrByTheirPath() throws Exception {
        List<RuleFile> files = RuleSetUpload.files(List.of(
                new RuleSetUpload.Part("file", "credit.xlsx", new byte[]{1}),
                new RuleSetUpload.Part("file", "checks.drl", new byte[]{2}),
                new RuleSetUpload.Part("file", "regression.csv", new byte[]{3}),
                new RuleSetUpload.Part("file", "order-scenarios.xlsx", new byte[]{4}),
                new RuleSetUpload.Part("bundle", "rules.zip", zip("my-rules/decision-tables/limits.xlsx", new byte[]{5},
                        "my-rules/rules/extra.drl", new byte[]{6}, "__MACOSX/._limits.xlsx", new byte[]{7}))),
                config.upload());

        assertThat(files).extracting(RuleFile::path).containsExactly("decision-tables/credit.xlsx", "rules/checks.drl",
                "decision-tables/scenarios/regression.csv", "decision-tables/scenarios/order-scenarios.xlsx",
                "decision-tables/limits.xlsx", "rules/extra.drl");
    }

    @Test
    void shouldRefuseAZipThatExpandsTooFar() throws Exception {
        byte[] bomb = zip("decision-tables/huge.xlsx", new byte[60 * 1024 * 1024]);

        assertThatThrownBy(() -> RuleSetUpload.files(List.of(new RuleSetUpload.Part("f", "bomb.zip", bomb)), config.upload()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(d -> assertThat(d.message()).contains("zip bomb")));
        assertThat(bomb.length).isLessThan(200_000);
    }

    @Test
    void shouldRefusePathsThatLeaveTheRuleFolders() throws Exception {
        byte[] zip = zip("../../etc/cron.d/evil.drl", new byte[]{1});

        assertThatThrownBy(() -> RuleSetUpload.files(List.of(new RuleSetUpload.Part("f", "x.zip", zip)), config.upload()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(d -> assertThat(d.message()).contains("may not leave the rule folders")));
    }

    @Test
    void shouldRefuseFilesThatAreNotRulesAndUploadsThatAreTooLarge() {
        assertThatThrownBy(() -> RuleSetUpload.files(List.of(new RuleSetUpload.Part("f", "notes.txt", new byte[]{1})),
                config.upload()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(d -> assertThat(d.message()).contains("not a rule file")));
        assertThatThrownBy(() -> RuleSetUpload.files(List.of(new RuleSetUpload.Part("f", "big.xlsx", new byte[11 * 1024 * 1024])),
                config.upload()))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("at most 10,485,760 bytes");
    }
}
