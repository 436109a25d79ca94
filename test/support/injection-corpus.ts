/**
 * Strings an attacker (or a careless data source) might put where we show text, a label or a link:
 * a DICOM description, a label title, a portal's message override, a link. Tests feed every entry in
 * and assert it comes out as inert text or is refused.
 *
 * Every payload that would run code sets `window.__pwned` (or the parent's, from a frame) instead of
 * calling `alert`, so `nothingRan()` can tell whether any of them did.
 */
export const INJECTION_CORPUS: readonly string[] = Object.freeze([
  // Plain script and event-handler markup.
  '<script>window.__pwned=1</script>',
  '<SCRIPT SRC=data:text/javascript,window.__pwned=1></SCRIPT>',
  '<scr<script>ipt>window.__pwned=1</scr</script>ipt>',
  '<img src=x onerror="window.__pwned=1">',
  '<IMG SRC=x OnErRoR=window.__pwned=1//',
  '<img src="x:x" onerror="&#119;&#105;ndow.__pwned=1">',
  '<svg onload=window.__pwned=1>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<svg><animate onbegin=window.__pwned=1 attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:window.__pwned=1"><text x="20" y="20">Read more</text></a></svg>',
  '<body onload=window.__pwned=1>',
  '<details open ontoggle=window.__pwned=1>',
  '<input autofocus onfocus=window.__pwned=1>',
  '<video><source onerror="window.__pwned=1"></video>',
  '<marquee onstart=window.__pwned=1>X-ray</marquee>',
  '<a href="javascript:window.__pwned=1">Find out more</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<template><script>window.__pwned=1</script></template>',

  // Frames and embedded documents.
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<iframe src="javascript:parent.__pwned=1"></iframe>',
  '<object data="javascript:window.__pwned=1"></object>',

  // Script URLs and data URLs (for href and src).
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  ' \u0001javascript:window.__pwned=1',
  'javascript&#58;window.__pwned=1',
  'javascript%3Awindow.__pwned=1',
  'vbscript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>',
  'https://www.nhs.uk.evil.example/"><img src=x onerror=window.__pwned=1>',
  'https://www.nhs.uk@evil.example/',

  // Styles: old expression() and url(javascript:), and breaking out of a style element.
  '<div style="width: expression(window.__pwned=1)">x</div>',
  '<style>*{background:url("javascript:window.__pwned=1")}</style>',
  '</style><script>window.__pwned=1</script>',
  'red;}</style><img src=x onerror=window.__pwned=1><style>',

  // Breaking out of an attribute, a comment, a text-only element or CDATA.
  '"><img src=x onerror=window.__pwned=1>',
  "'><svg onload=window.__pwned=1>",
  '" onmouseover="window.__pwned=1" x="',
  '--><script>window.__pwned=1</script><!--',
  '</textarea></title><script>window.__pwned=1</script>',
  ']]><script>window.__pwned=1</script>',

  // Template syntax: JavaScript template literals, Lit's own markers, other frameworks.
  '${window.__pwned=1}',
  '`;window.__pwned=1;`',
  '<!--?lit$123456789$-->',
  '<?lit$123456789$>',
  'lit$123456789$',
  '<div lit$123456789$="x" @click=${window.__pwned=1}>',
  '{{constructor.constructor("window.__pwned=1")()}}',

  // Encodings: HTML entities, percent-encoding, escaped Unicode.
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=1&#62;',
  '%3Cscript%3Ewindow.__pwned=1%3C%2Fscript%3E',
  '\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e',

  // Mutation XSS: markup that changes meaning when parsed a second time.
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=1>">',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=window.__pwned=1&gt;">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__pwned=1>',

  // Odd characters: right-to-left override, null bytes, zero-width, lone surrogate.
  'scan\u202Egnp.exe',
  '\u202E<script>window.__pwned=1</script>',
  '<scr\u0000ipt>window.__pwned=1</script>',
  'javascript\u0000:window.__pwned=1',
  'x\u200B\u200C\u200D\uFEFFray',
  'lone \uD800 surrogate',

  // Links that only look trusted, and markup that changes where links go (test/components, the reliability tests).
  '//evil.example/',
  'https:evil.example',
  '\\\\evil.example\\x',
  'https://evil.example#https://www.nhs.uk/',
  'https://nhs.uk%2F@evil.example/',
  'https://www.nhs.uk:8443/',
  'http://www.nhs.uk/',
  'https://www.xn--nhs-8cd.uk/',
  '<base href="https://evil.example/">',
  '<math><maction actiontype="statusline" xlink:href="javascript:window.__pwned=1">x</maction></math>',
  '<form action="javascript:window.__pwned=1"><button>Send</button></form>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',

  // Placeholders and object keys a formatter or a store might trip over.
  '{__proto__}{constructor}{toString}',
  '__proto__',
  'constructor',
  '{{index}}{index}{count}',

  // Very long strings.
  'A'.repeat(100_000),
  '<b>'.repeat(20_000),
  `${'x'.repeat(5_000)}<img src=x onerror=window.__pwned=1>`,
]);

/** True when no payload has run: none of them has set `window.__pwned`. */
export function nothingRan(): boolean {
  return (window as unknown as { __pwned?: unknown }).__pwned === undefined;
}
