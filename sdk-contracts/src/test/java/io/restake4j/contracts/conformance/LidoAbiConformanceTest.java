package io.restake4j.contracts.conformance;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Our Lido ABIs ({@code abi/lido/*.json}, derived from our own interface files) against the official
 * ABIs kept beside the repository in {@code ../shared/protocols/abi-reference/lido/}, compared as in
 * {@link EigenLayerAbiConformanceTest}: same canonical signatures, outputs, indexed and anonymous flags and
 * state mutability; no extras except those listed here with their reason; coverage printed per contract.
 *
 * <p>Without the shared folder (e.g. a clone on its own) the test is skipped, saying so.
 */
class LidoAbiConformanceTest {

    /** Our ABI (abi/lido/&lt;key&gt;.json) -> the official ABI file(s) of what the deployed contract serves. */
    private static final Map<String, List<String>> OFFICIAL = new LinkedHashMap<>();

    /** Entries we have on purpose though the official file lacks them: contract -> entry -> why. */
    private static final Map<String, Map<String, String>> ALLOWED_EXTRAS = Map.of(
            "WithdrawalQueueERC721", Map.of("event Approval(address,address,uint256)",
                    "emitted by the ERC-721 approve; deleted from the official file on purpose"
                            + " (lidofinance/scripts 3242240a, see SOURCES.txt)"));

    static {
        OFFICIAL.put("Lido", List.of("Lido.abi.json"));
        OFFICIAL.put("WstETH", List.of("WstETH.abi.json"));
        OFFICIAL.put("WithdrawalQueueERC721", List.of("WithdrawalQueueERC721.abi.json"));
        OFFICIAL.put("LidoLocator", List.of("LidoLocator.abi.json"));
    }

    @Test
    void ourLidoAbisMatchTheOfficialOnes() throws IOException {
        AbiConformance.checkAgainstOfficial("Lido", "lido", OFFICIAL, ALLOWED_EXTRAS);
    }
}
