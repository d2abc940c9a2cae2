package dev.monitoringlab.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsibleRecapTest {
    private static final String OUTPUT = """
            TASK [Assert the CPU metric is exported] ***************************************
            ok: [localhost] => (item=http://127.0.0.1:38167/metrics)

            PLAY RECAP *********************************************************************
            localhost                  : ok=2    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0
            testvm                     : ok=15   changed=4    unreachable=0    failed=1    skipped=9    rescued=0    ignored=0

            """;

    @Test
    void readsTheCountersOfEveryHost() {
        var recap = AnsibleRecap.parse(OUTPUT);
        assertThat(recap).containsOnlyKeys("localhost", "testvm");
        assertThat(recap.get("testvm")).containsEntry("ok", 15).containsEntry("changed", 4).containsEntry("failed", 1)
                .containsEntry("skipped", 9).hasSize(7);
        assertThat(recap.get("localhost")).containsEntry("ok", 2).containsEntry("changed", 0);
    }

    @Test
    void noRecapWhenThePlaybookDidNotRun() {
        assertThat(AnsibleRecap.parse("ERROR! the playbook: site.yml could not be found")).isEmpty();
    }

    @Test
    void theLastRecapCounts() {
        String two = OUTPUT + OUTPUT.replace("changed=4", "changed=0");
        assertThat(AnsibleRecap.parse(two).get("testvm")).containsEntry("changed", 0);
    }
}
