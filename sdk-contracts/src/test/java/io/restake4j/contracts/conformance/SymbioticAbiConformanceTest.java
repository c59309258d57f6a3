package io.restake4j.contracts.conformance;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Our Symbiotic ABIs ({@code abi/symbiotic/*.json}, derived from our own interface files). The v1 contracts are
 * checked against the official ABI JSON kept beside the repository in
 * {@code ../shared/protocols/abi-reference/symbiotic/} (the CLI's committed ABIs and the rewards repository's
 * current artifacts), entry by entry as for EigenLayer. Core V2 (VaultV2, its WithdrawalQueue, the
 * UniversalDelegator, the AppAdapter) has no published ABI JSON: those ABIs are checked against the signature listings of
 * {@code symbiotic.md} §12, with every listed selector and topic recomputed. Coverage is printed; without the shared
 * folder the tests are skipped, saying so.
 */
class SymbioticAbiConformanceTest {

    /** Our ABI (abi/symbiotic/&lt;key&gt;.json) -> the official ABI files (relative to abi-reference/symbiotic/). */
    private static final Map<String, List<String>> OFFICIAL = new LinkedHashMap<>();

    /** Our ABIs with no official JSON, checked against the facts file instead. */
    private static final Set<String> V2 = Set.of("VaultV2", "WithdrawalQueue", "UniversalDelegator", "AppAdapter");

    static {
        OFFICIAL.put("Vault", List.of("cli/VaultABI.json"));
        OFFICIAL.put("VaultTokenized", List.of("cli/VaultTokenizedABI.json"));
        OFFICIAL.put("VaultFactory", List.of("cli/VaultFactoryABI.json"));
        OFFICIAL.put("NetworkRestakeDelegator", List.of("cli/NetworkRestakeDelegatorABI.json"));
        OFFICIAL.put("FullRestakeDelegator", List.of("cli/FullRestakeDelegatorABI.json"));
        OFFICIAL.put("OperatorSpecificDelegator", List.of("cli/OperatorSpecificDelegatorABI.json"));
        OFFICIAL.put("OperatorNetworkSpecificDelegator", List.of("cli/OperatorNetworkSpecificDelegatorABI.json"));
        OFFICIAL.put("Slasher", List.of("cli/SlasherABI.json"));
        OFFICIAL.put("VetoSlasher", List.of("cli/VetoSlasherABI.json"));
        OFFICIAL.put("NetworkRegistry", List.of("cli/NetworkRegistryABI.json"));
        OFFICIAL.put("OperatorRegistry", List.of("cli/OperatorRegistryABI.json"));
        OFFICIAL.put("OperatorVaultOptInService", List.of("cli/OperatorVaultOptInServiceABI.json"));
        OFFICIAL.put("OperatorNetworkOptInService", List.of("cli/OperatorNetworkOptInServiceABI.json"));
        OFFICIAL.put("NetworkMiddlewareService", List.of("cli/NetworkMiddlewareServiceABI.json"));
        OFFICIAL.put("DefaultStakerRewards", List.of("rewards-v2/DefaultStakerRewards.abi.json"));
        OFFICIAL.put("DefaultStakerRewardsFactory", List.of("rewards-v2/DefaultStakerRewardsFactory.abi.json"));
    }

    @Test
    void ourSymbioticV1AbisMatchTheOfficialOnes() throws IOException {
        AbiConformance.checkAgainstOfficial("Symbiotic", "symbiotic", OFFICIAL, Map.of(), V2);
    }

    @Test
    void ourSymbioticV2AbisHoldEverySignatureOfTheFactsFile() throws IOException {
        new SignatureListing("Symbiotic Core V2", "symbiotic.md", "symbiotic")
                .section(12, "VaultV2", "WithdrawalQueue", "UniversalDelegator", "AppAdapter")
                // §12 names v1 entries for comparison: checked against the official JSON above
                .unchecked("activeStake()", "v1 Vault (official JSON)")
                .unchecked("claimRewards(address,address,bytes)", "v1 DefaultStakerRewards (official JSON)")
                // adapters other than the AppAdapter: not contracts a staker reads
                .unchecked("isUnsyncedSlash()", "RestakingAppAdapter")
                .unchecked("syncSlash()", "RestakingAppAdapter")
                .unchecked("syncReward()", "RestakingAppAdapter")
                .unchecked("underlyingVaults(uint256)", "RestakingAppAdapter")
                .unchecked("getFee(address)", "ProtocolFeeRegistry (its address is in no repository file, §9)")
                // V2 rewards (§12.8): the reward contracts of V2 vaults, a later step of the Symbiotic work
                .unchecked("claimVaultSnapshotRewards(address,address,address,address,uint256,uint256,uint256,bytes[])",
                        "Rewards V2")
                .unchecked("claimCumulativeMerkleRewards(address,address,(uint64,address,uint256,uint256,bytes32),bytes32[],bytes32)",
                        "Rewards V2")
                .unchecked("ClaimVaultSnapshotRewards(address,address,address,address,uint256,uint256)", "Rewards V2")
                .unchecked("ClaimCumulativeMerkleRewards(address,address,(uint64,address,uint256,uint256,bytes32))",
                        "Rewards V2")
                .check();
    }
}
