package io.restake4j.contracts.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/**
 * Our Karak ABIs ({@code abi/karak/*.json}, derived from our own interface files).
 *
 * <p><b>v1</b> (VaultSupervisor, Vault, DelegationSupervisor, Querier) is bound to the v1.3 release, whose ABI
 * JSON was never published: the official v1 JSON beside the repository is from the v1.1-era {@code main}
 * branch. So v1 is checked against the signature listings of {@code karak.md} §1 (every listed selector and
 * topic recomputed), and compared, for information, with the v1.1 JSON: entries in both must agree; entries
 * only we have must be the v1.2 / v1.3 additions karak.md names; what only v1.1 has is listed (the admin
 * surface we leave out, and the two replaced deposit forms).
 *
 * <p><b>v2</b> (CoreVault, Core): every entry of ours must be in the official karak-rs JSON with the same
 * canonical signature, indexed flags, outputs and mutability ({@link AbiConformance#checkAgainstOfficial}: our
 * ABI is a subset, extras fail, official entries we leave out only count in the printed coverage), and
 * {@code karak.md} §2's listings must be in ours with their selectors and topics recomputed.
 *
 * <p>Without the shared folder every test is skipped, saying so.
 */
class KarakAbiConformanceTest {

    /** Our v2 ABI (abi/karak/&lt;key&gt;.json) -> the official karak-rs ABI files (relative to abi-reference/karak/). */
    private static final Map<String, List<String>> OFFICIAL_V2 = new LinkedHashMap<>();

    /** Our v1 ABIs: no official JSON of the release they follow (v1.3), checked against karak.md §1 instead. */
    private static final Set<String> V1 = Set.of("VaultSupervisor", "Vault", "DelegationSupervisor", "Querier");

    /** Our v1 ABI -> the v1.1-era official JSON compared for information. */
    private static final Map<String, String> OFFICIAL_V1_1 = new LinkedHashMap<>();

    /**
     * What v1.2 / v1.3 added over the v1.1 JSON (karak.md §1.1-§1.2, abi-reference/karak/SOURCES.txt): entries of
     * ours the v1.1 JSON cannot have.
     */
    private static final Map<String, String> V1_3_ADDITIONS = new LinkedHashMap<>();

    /** The v1.1 entries that v1.2 / v1.3 replaced (karak.md §1.1). */
    private static final Map<String, String> V1_1_REPLACED = new LinkedHashMap<>();

    /** Selectors and hashes karak.md §1 gives beside prose forms the listing cannot read as signatures. */
    private static final Map<String, String> PROSE_SELECTORS = new LinkedHashMap<>();

    static {
        OFFICIAL_V2.put("CoreVault", List.of("v2/Vault.json"));
        OFFICIAL_V2.put("Core", List.of("v2/Core.json"));

        OFFICIAL_V1_1.put("VaultSupervisor", "VaultSupervisorV1.abi.json");
        OFFICIAL_V1_1.put("Vault", "Vault.abi.json");

        String v12 = "v1.2+ (karak.md §1.1)";
        String v13 = "v1.2 / v1.3 (karak.md §1.2)";
        V1_3_ADDITIONS.put("function deposit(address,uint256,uint256)", v12 + ", replaces deposit(address,uint256)");
        V1_3_ADDITIONS.put("function depositWithSignature(address,address,uint256,uint256,uint256,"
                + "(uint8,bytes32,bytes32),(uint8,bytes32,bytes32))", "v1.3 (karak.md §1.1), gained minSharesOut");
        V1_3_ADDITIONS.put("function depositAndGimmie(address,uint256,uint256)", v13);
        V1_3_ADDITIONS.put("function gimmieShares(address,uint256)", v13);
        V1_3_ADDITIONS.put("function returnShares(address,uint256)", v13);
        V1_3_ADDITIONS.put("function migrate(address,address,uint256,uint256,bytes)", v13);
        V1_3_ADDITIONS.put("function migrateToV2(address,address,uint256,uint256)", "v1.3 only (karak.md §1.2)");
        V1_3_ADDITIONS.put("event GaveShares(address,address,address,uint256)", v13);
        V1_3_ADDITIONS.put("event ReturnedShares(address,address,address,uint256)", v13);
        V1_3_ADDITIONS.put("event MigratedToV2(address,address,address,uint256,uint256,uint256)", v13);
        for (String error : List.of("MigrationRedeemFailed", "MigrationSwapFailed", "SwapFailed", "InvalidSwapper",
                "InvalidSwapperRouteLength", "AssetMismatch", "LengthDoesNotMatch", "CannotSwap", "InvalidSwapParams",
                "PendleSwapFailed")) {
            V1_3_ADDITIONS.put("error " + error + "()", "new error in v1.3 (karak.md §1.2)");
        }

        V1_1_REPLACED.put("function deposit(address,uint256)", "0x47e7ef24, replaced by deposit(address,uint256,uint256)");
        V1_1_REPLACED.put("function depositWithSignature(address,address,uint256,uint256,(uint8,bytes32,bytes32),"
                + "(uint8,bytes32,bytes32))", "0x6ff09141, replaced by the v1.3 form with minSharesOut");

        // `fetchQueuedWithdrawals(staker)` 0x8c475559 and `getUserNonce(user)` 0x6834e3a8 name arguments, not types
        PROSE_SELECTORS.put("DelegationSupervisor fetchQueuedWithdrawals(address)", "0x8c475559");
        PROSE_SELECTORS.put("VaultSupervisor getUserNonce(address)", "0x6834e3a8");
    }

    /** EIP-712 type strings of the signed deposit, literally as karak.md §1.1 gives them (spaces after commas). */
    private static final Map<String, String> TYPE_STRINGS = Map.of(
            "Deposit(address vault, uint256 deadline, uint256 value, uint256 minSharesOut, uint256 nonce)",
            "0x94fb01b7061fcfca7a3e92b7604dda2f7f5f098146840ac40016cda24c3a8859",
            "Deposit(address vault, uint256 deadline, uint256 value, uint256 nonce)",
            "0xf7d5860bd677b455837d8b4f96d79ad32c342df09f9b647712ca68174b68bab3");

    @Test
    void ourKarakV1AbisHoldEverySignatureOfTheFactsFile() throws IOException {
        new SignatureListing("Karak v1", "karak.md", "karak")
                .section(1, "VaultSupervisor", "Vault", "DelegationSupervisor", "Querier")
                .alias("IVault", "address")
                .alias("Signature", "(uint8,bytes32,bytes32)")
                .alias("WithdrawRequest", "(address[],uint256[],address)")
                .alias("QueuedWithdrawal", "(address,address,uint256,uint256,(address[],uint256[],address))")
                // history: the v1.1 forms (compared with the v1.1 JSON below)
                .unchecked("deposit(address,uint256)", "v1.1 form, replaced in v1.2")
                .unchecked("depositWithSignature(address,address,uint256,uint256,(uint8,bytes32,bytes32),(uint8,bytes32,bytes32))",
                        "v1.1 form, replaced in v1.3")
                // EIP-712 type strings, not ABI entries: hashed with their spaces, checked separately below
                .unchecked("Deposit(address,uint256,uint256,uint256,uint256)", "EIP-712 type string of the v1.3 signed deposit")
                .unchecked("Deposit(address,uint256,uint256,uint256)", "EIP-712 type string of the v1.1 signed deposit")
                // prose: the ERC-4626 view named without its argument; convertToAssets(uint256) is in Vault
                .unchecked("convertToAssets()", "prose for convertToAssets(uint256)")
                // manager / owner only, not staker paths: left out of IVaultSupervisor
                .unchecked("vaultSwap(address,(address,string,string,uint8,uint256),uint256,bytes)", "manager-only")
                .unchecked("registerSwapperForRoutes(address[],address[],address)", "owner-only")
                .unchecked("VaultSwap(address,address,address,uint256,uint256,string,string,uint8,uint256)",
                        "event of the manager-only vaultSwap")
                .check();
    }

    @Test
    void theSelectorsAndTypeHashesOfKarakV1ProseAreRecomputed() throws IOException {
        AbiConformance.sharedOrSkip("Karak v1 ABI conformance", "karak.md", "facts file");
        Path ours = AbiConformance.repositoryRoot().resolve("abi/karak");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : PROSE_SELECTORS.entrySet()) {
            String abi = e.getKey().substring(0, e.getKey().indexOf(' '));
            String sig = e.getKey().substring(abi.length() + 1);
            Map<String, JsonNode> entries = AbiConformance.index(
                    AbiConformance.JSON.readTree(ours.resolve(abi + ".json").toFile()));
            if (!entries.containsKey("function " + sig)) {
                problems.add(sig + " is not in abi/karak/" + abi + ".json");
            }
            String hash = Hash.sha3String(sig);
            if (!hash.startsWith(e.getValue())) {
                problems.add(sig + " is listed with " + e.getValue() + " but its keccak is " + hash);
            }
        }
        for (Map.Entry<String, String> e : TYPE_STRINGS.entrySet()) {
            String hash = Hash.sha3String(e.getKey());
            if (!hash.equals(e.getValue())) {
                problems.add("type string \"" + e.getKey() + "\" is listed with " + e.getValue() + " but hashes to " + hash);
            }
        }
        System.out.println("Karak v1 prose selectors and EIP-712 type hashes (karak.md §1.1): "
                + (PROSE_SELECTORS.size() + TYPE_STRINGS.size() - problems.size()) + "/"
                + (PROSE_SELECTORS.size() + TYPE_STRINGS.size()) + " recomputed equal");
        assertTrue(problems.isEmpty(), String.join("\n  ", problems));
    }

    @Test
    void ourKarakV1AbisAgainstTheV1_1OfficialJson() throws IOException {
        Path reference = AbiConformance.sharedOrSkip("Karak v1.1 comparison", "abi-reference/karak/v1",
                "official v1.1-era ABIs");
        Path ours = AbiConformance.repositoryRoot().resolve("abi/karak");
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, String> m : OFFICIAL_V1_1.entrySet()) {
            Map<String, JsonNode> mine = AbiConformance.index(
                    AbiConformance.JSON.readTree(ours.resolve(m.getKey() + ".json").toFile()));
            Map<String, JsonNode> theirs = AbiConformance.index(
                    AbiConformance.JSON.readTree(reference.resolve(m.getValue()).toFile()));
            int same = 0;
            List<String> added = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : mine.entrySet()) {
                JsonNode official = theirs.get(e.getKey());
                if (official != null) {
                    List<String> diffs = AbiConformance.differences(e.getValue(), official);
                    diffs.forEach(d -> problems.add(m.getKey() + ": " + e.getKey() + ": " + d + " (v1.1 JSON)"));
                    same += diffs.isEmpty() ? 1 : 0;
                } else if (V1_3_ADDITIONS.containsKey(e.getKey())) {
                    added.add(e.getKey() + " [" + V1_3_ADDITIONS.get(e.getKey()) + "]");
                } else {
                    problems.add(m.getKey() + ": " + e.getKey() + " is neither in the v1.1 JSON nor a known v1.2/v1.3 addition");
                }
            }
            List<String> replaced = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            for (String key : theirs.keySet()) {
                if (mine.containsKey(key)) {
                    continue;
                }
                if (V1_1_REPLACED.containsKey(key)) {
                    replaced.add(key + " [" + V1_1_REPLACED.get(key) + "]");
                } else {
                    leftOut.add(key);
                }
            }
            report.append(m.getKey()).append(" vs v1/").append(m.getValue()).append(": ours ").append(mine.size())
                    .append(" entries of which ").append(same).append(" equal in v1.1 and ").append(added.size())
                    .append(" v1.2/v1.3 additions; v1.1 has ").append(theirs.size()).append(" entries, ")
                    .append(replaced.size()).append(" replaced since and ").append(leftOut.size())
                    .append(" left out of ours (not staker paths)");
            if (!added.isEmpty()) {
                report.append("\n  added since v1.1: ").append(String.join("; ", added));
            }
            if (!replaced.isEmpty()) {
                report.append("\n  replaced since v1.1: ").append(String.join("; ", replaced));
            }
            if (!leftOut.isEmpty()) {
                report.append("\n  v1.1 only in the official JSON, left out: ").append(String.join(", ", leftOut));
            }
            report.append('\n');
        }
        System.out.println("Karak v1 (ours, v1.3) vs the official v1.1-era JSON, for information:\n" + report);
        assertTrue(problems.isEmpty(), problems.size() + " unexpected difference(s) from the v1.1 JSON:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void ourKarakV2AbisAreInTheOfficialKarakRsJson() throws IOException {
        AbiConformance.checkAgainstOfficial("Karak v2", "karak", OFFICIAL_V2, Map.of(), V1);
    }

    @Test
    void ourKarakV2AbisHoldEverySignatureOfTheFactsFile() throws IOException {
        new SignatureListing("Karak v2", "karak.md", "karak")
                .section(2, "CoreVault", "Core")
                .alias("QueuedSlashing", "(address,uint96,address,address[],uint96[],uint256)")
                // manager / owner only: left out of ICore and ICoreVault
                .unchecked("allowlistAssets(address[],address[])", "manager-only asset allowlisting")
                .unchecked("pause(uint256)", "pausing is for Core's owner / the Core, not stakers")
                .check();
    }
}
