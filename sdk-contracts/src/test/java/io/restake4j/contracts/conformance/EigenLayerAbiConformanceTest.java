package io.restake4j.contracts.conformance;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Our EigenLayer ABIs ({@code abi/eigenlayer/*.json}, derived from our own interface files) against
 * the official ABIs kept beside the repository in {@code ../shared/protocols/abi-reference/eigenlayer/}.
 *
 * <p>Entries are matched by kind and canonical signature (tuples expanded). An entry we have must
 * agree with the official one in output types, {@code indexed} flags, {@code anonymous} flag and state
 * mutability, and must exist in the official ABI; any difference fails the test. Official entries we
 * lack only lower the coverage, which is printed per contract. Parameter names are not compared.
 *
 * <p>Without the shared folder (e.g. a clone on its own) the test is skipped, saying so.
 */
class EigenLayerAbiConformanceTest {

    /**
     * Our ABI (abi/eigenlayer/&lt;key&gt;.json) -> the official ABI files whose union is what the deployed
     * proxy serves (where an entry stands in several, the first file's wins).
     */
    private static final Map<String, List<String>> OFFICIAL = new LinkedHashMap<>();

    static {
        OFFICIAL.put("StrategyManager", List.of("StrategyManager.abi.json"));
        OFFICIAL.put("Strategy", List.of("StrategyBase.abi.json"));
        OFFICIAL.put("StrategyBaseTVLLimits", List.of("StrategyBaseTVLLimits.abi.json"));
        OFFICIAL.put("DelegationManager", List.of("DelegationManager.abi.json"));
        // the proxy serves AllocationManager and, by delegatecall, AllocationManagerView;
        // IAllocationManager names every parameter, so it comes first
        OFFICIAL.put("AllocationManager", List.of("IAllocationManager.abi.json", "AllocationManager.abi.json",
                "AllocationManagerView.abi.json"));
        OFFICIAL.put("RewardsCoordinator", List.of("RewardsCoordinator.abi.json"));
        OFFICIAL.put("EigenPodManager", List.of("EigenPodManager.abi.json"));
        OFFICIAL.put("EigenPod", List.of("EigenPod.abi.json"));
        OFFICIAL.put("Eigen", List.of("Eigen.abi.json"));
        OFFICIAL.put("EigenStrategy", List.of("EigenStrategy.abi.json"));
    }

    @Test
    void ourEigenLayerAbisMatchTheOfficialOnes() throws IOException {
        AbiConformance.checkAgainstOfficial("EigenLayer", "eigenlayer", OFFICIAL, Map.of());
    }
}
