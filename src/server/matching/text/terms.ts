// Words as text retrieval compares them: folded (case, accents, æ/ø/å), stop words out, and a light
// English suffix stripper so "maintains", "maintaining" and "maintained" meet "maintain".
import "server-only";
import { foldForEmbedding } from "@/server/embeddings/local";

const STOPWORDS = new Set(
  (
    "a about above after again all also am an and any are as at be because been before being below between both but by can could did do does " +
    "doing down during each etc few for from further had has have having he her here hers him his how i if in into is it its itself just me " +
    "more most my no nor not now of off on once only or other our ours out over own per same she should so some such than that the their them " +
    "then there these they this those through to too under until up us very via was we were what when where which while who whom why will with " +
    "within without would you your yours " +
    "og i pa av til for med fra som eller er var jeg min mitt mine vi var det den de en et a har hadde ikke men om seg sin sitt sine kan skal vil " +
    "ved etter over under mot hos nar hva hvor hvem hvordan ogsa bare alle andre mange mer mest meg deg dere oss dem hun han blir ble vaert"
  ).split(" "),
);

export function isStopTerm(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A conservative suffix stripper (plural, -ing, -ed, -ly, -ies); words of 4 letters or fewer stay. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 5) w = undouble(w.slice(0, -2));
  else if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 5) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return w.length > 3 && w.at(-1) === w.at(-2) && !"lsz".includes(w.at(-1) ?? "") ? w.slice(0, -1) : w;
}

/** Folded words of a text, in order, stop words kept (span matching needs positions). */
export function foldedWords(text: string): string[] {
  return foldForEmbedding(text).split(" ").filter(Boolean);
}

/** The terms of a text for retrieval: folded, stemmed, stop words and 1-letter words dropped. */
export function terms(text: string): string[] {
  return foldedWords(text)
    .filter((w) => w.length > 1 && !isStopTerm(w) && !/^\d+$/.test(w))
    .map(stem);
}
