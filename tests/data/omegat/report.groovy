// Run by OmegaT 3.6 in console mode (--script=report.groovy) when the project loads: prints
// what OmegaT's own readers take from the project's glossary/ and tm/ folders, one line each.
//   GLOSSARY <file> <entries, or -1 when OmegaT skips the file>
//   ENTRY <file> <source term> <target term> <comment>
//   TM <file> <translation units>
import org.omegat.core.Core
import org.omegat.gui.glossary.GlossaryManager

if (eventType.toString() != "LOAD") return
def project = Core.getProject()
def props = project.getProjectProperties()
def manager = new GlossaryManager(null)
manager.priorityGlossary = new File(props.getWriteableGlossary())
// The method OmegaT's glossary pane calls for each file in glossary/: it picks the reader
// by file extension and returns null for files it does not read.
def load = GlossaryManager.class.getDeclaredMethod("loadGlossaryFile", File.class)
load.setAccessible(true)
new File(props.getGlossaryRoot()).listFiles().sort { it.name }.each { file ->
    def entries = load.invoke(manager, file)
    println "GLOSSARY\t${file.name}\t${entries == null ? -1 : entries.size()}"
    entries?.each { e ->
        println "ENTRY\t${file.name}\t${e.srcText}\t${e.locText}\t${e.commentText.replace('\n', ' ')}"
    }
}
project.getTransMemories().each { name, tmx ->
    println "TM\t${new File(name).name}\t${tmx.getEntries().size()}"
}
