import { readerFlows } from './reader-flows.ts';

// WebKitGTK over classic WebDriver: every page, the article, the quiz, the calculator, the playground, search and
// the theme.
readerFlows('webkit', 'focused');
