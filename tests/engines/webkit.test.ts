import { readerFlows } from './reader-flows.ts';

// WebKitGTK over classic WebDriver: the article, the quiz, the calculator, search and the theme.
readerFlows('webkit', 'focused');
