// Every line marked with the expect-error tag below must fail to type-check.
import { Heymarket, type HeymarketErrorCode } from "heymarket-wasm";

const hm = new Heymarket({ secretId: "id", secretKey: "key" });
export const a = hm.conversations.get("12"); // EXPECT-ERROR: ids are numbers
export const b: HeymarketErrorCode = "not_a_code"; // EXPECT-ERROR: unknown error code
export const c = new Heymarket({ secretId: "id" }); // EXPECT-ERROR: secretKey is required
export const d = new Heymarket({ secretId: "id", secretKey: "key", retries: 3 }); // EXPECT-ERROR: unknown option
