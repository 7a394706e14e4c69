package pagelab.app.desktop.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pagelab.app.desktop.UiLanguage;
import pagelab.app.desktop.trace.TraceText;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.inspect.ProcessEvent;

/** The playground's own words and the trace's process events in Simplified Chinese (issue 16). */
class PlaygroundLanguageTest {
    @RegisterExtension
    final UiLanguage language = new UiLanguage();

    @Test
    void answersErrorsAndProcessEventsReadInChinese() {
        language.use(Locale.SIMPLIFIED_CHINESE);
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            s.run("p = VirtualAlloc(NULL, 64K, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)");
            assertThat(s.run("setInt(p, 42)").text()).isEqualTo("完成");
            assertThat(s.run("VirtualAloc(p, 4K, MEM_COMMIT, PAGE_READWRITE)").text())
                    .isEqualTo("错误：未知的函数“VirtualAloc”：你是想写 VirtualAlloc 吗？");
            assertThat(s.run("VirtualAlloc(p, 4K, MEM_COMIT, PAGE_READWRITE)").text())
                    .startsWith("错误：").contains("未知的名字“MEM_COMIT”");
            assertThat(s.run("VirtualAlloc(p").text()).startsWith("错误：");
            ProcessEvent created = s.timeline().events().stream().filter(e -> e instanceof ProcessEvent p
                    && p.kind().equals("THREAD_CREATED")).map(ProcessEvent.class::cast).findFirst().orElseThrow();
            assertThat(TraceText.arguments(created, false)).matches("栈 0x[0-9a-f]+-0x[0-9a-f]+");
        }
    }

    @Test
    void englishIsAsItWas() {
        language.use(Locale.ENGLISH);
        try (PlaygroundSession s = new PlaygroundSession(MachineConfig.x86().seed(1))) {
            s.run("p = VirtualAlloc(NULL, 64K, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)");
            assertThat(s.run("setInt(p, 42)").text()).isEqualTo("ok");
            assertThat(s.run("VirtualAloc(p, 4K, MEM_COMMIT, PAGE_READWRITE)").text())
                    .isEqualTo("error: unknown function 'VirtualAloc': did you mean VirtualAlloc?");
            assertThat(s.run("x = Nope()").text()).isEqualTo("error: unknown function 'Nope' (type help for the list)");
        }
    }
}
