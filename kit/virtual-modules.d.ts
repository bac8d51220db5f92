// The kit's emoji font, generated for the deck at build time (kit/emoji-font.ts).
declare module 'virtual:talk-kit/emoji-font' {}
