package io.salesrisk.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that do not compile; carries every error with its file and line, or sheet and cell. */
public class RuleSetCompilationException extends Exception {

    private final transient List<CompileMessage> messages;

    public RuleSetCompilationException(List<CompileMessage> messages) {
        super(messages.stream().filter(m -> m.level() == CompileMessage.Level.ERROR)
                .map(CompileMessage::toString).collect(Collectors.joining("\n", "rule files do not compile:\n", "")));
        this.messages = List.copyOf(messages);
    }

    /** Errors and warnings, in file order. */
    public List<CompileMessage> messages() {
        return messages;
    }
}
