/**
 * Market prices of liquid (re)staking tokens against the protocols' own rates: the fair rate (what the protocol
 * redeems a token for, through its exit path), the market rate (what a venue pays now for a given size), the oracle
 * rate (a market feed's answer, checked for staleness), and the discount between them in basis points
 * (markets-oracles.md §4). The figures are plain values computed from readings; the readers of venues and feeds build
 * on them.
 *
 * <pre>{@code
 * Depeg d = Depeg.of(stEth, Amount.parse("100", stEth), new BigDecimal("1"), Amount.parse("99.62", Token.ETH), "curve");
 * d.discountBps();     // 38.00
 * }</pre>
 */
package io.restake4j.markets;
