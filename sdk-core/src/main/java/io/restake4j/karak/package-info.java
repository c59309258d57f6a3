/**
 * Karak for stakers ({@code client.karak()}): the v1.3 VaultSupervisor on Ethereum: deposits with a slippage bound
 * ({@code minSharesOut} from the vault's own preview), the account's deposits in one call, and withdrawals in the
 * SDK's exit vocabulary (start, pending from chain state with the {@code Instant} each unlocks, finish).
 *
 * <pre>{@code
 * Karak karak = client.karak();
 * karak.deposit(vault, Amount.parse("10", wstETH), 50).send();        // at most 0.5 % fewer shares than quoted
 * KarakResult w = karak.startWithdraw(vault, shares).send();
 * karak.finishWithdraw(karak.withdrawals().get(0)).send();           // refused before it unlocks
 * }</pre>
 */
package io.restake4j.karak;
