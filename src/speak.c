/* speak.c: the one file that knows espeak-ng: a question said aloud, or written to a WAV file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "msg.h"
#include "speak.h"
#include "xmalloc.h"

#ifdef HAVE_ESPEAK
#include <dirent.h>
#include <dlfcn.h>
#include <fnmatch.h>
#include <unistd.h>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

/*
 * espeak-ng, and the sound libraries it brings, are loaded only when a
 * mock speaks: linked in, they made every start of rehearse several
 * times slower, a drill's first card included.
 */
static struct {
	void	*lib;
	__typeof__(espeak_ng_InitializePath)		*InitializePath;
	__typeof__(espeak_ng_Initialize)		*Initialize;
	__typeof__(espeak_ng_ClearErrorContext)		*ClearErrorContext;
	__typeof__(espeak_ng_GetStatusCodeMessage)	*GetStatusCodeMessage;
	__typeof__(espeak_ng_InitializeOutput)		*InitializeOutput;
	__typeof__(espeak_ng_Terminate)			*Terminate;
	__typeof__(espeak_SetSynthCallback)		*SetSynthCallback;
	__typeof__(espeak_ng_GetSampleRate)		*GetSampleRate;
	__typeof__(espeak_ng_SetVoiceByProperties)	*SetVoiceByProperties;
	__typeof__(espeak_ng_Synthesize)		*Synthesize;
	__typeof__(espeak_ng_Synchronize)		*Synchronize;
} es;

#define ES_LOAD(field, name) \
	((*(void **)&es.field = dlsym(es.lib, name)) != NULL)

/*
 * The library and its functions; false, said, when it is not there.
 * REHEARSE_ESPEAK_LIB names another library file: for the tests only,
 * which make the load fail with it as on a system without espeak-ng.
 */
static bool
load_espeak(const char *dir)
{
	const char *file = getenv("REHEARSE_ESPEAK_LIB");

	if (es.lib != NULL)
		return true;
	if (file == NULL || *file == '\0')
		file = "libespeak-ng.so.1";
	if ((es.lib = dlopen(file, RTLD_NOW | RTLD_LOCAL)) ==
	    NULL || !ES_LOAD(InitializePath, "espeak_ng_InitializePath") ||
	    !ES_LOAD(Initialize, "espeak_ng_Initialize") ||
	    !ES_LOAD(ClearErrorContext, "espeak_ng_ClearErrorContext") ||
	    !ES_LOAD(GetStatusCodeMessage, "espeak_ng_GetStatusCodeMessage") ||
	    !ES_LOAD(InitializeOutput, "espeak_ng_InitializeOutput") ||
	    !ES_LOAD(Terminate, "espeak_ng_Terminate") ||
	    !ES_LOAD(SetSynthCallback, "espeak_SetSynthCallback") ||
	    !ES_LOAD(GetSampleRate, "espeak_ng_GetSampleRate") ||
	    !ES_LOAD(SetVoiceByProperties, "espeak_ng_SetVoiceByProperties") ||
	    !ES_LOAD(Synthesize, "espeak_ng_Synthesize") ||
	    !ES_LOAD(Synchronize, "espeak_ng_Synchronize")) {
		if (dir != NULL)
			warnx_(_("--speak-to: espeak-ng cannot be loaded (%s): "
			    "install the Debian package espeak-ng"), dlerror());
		else
			warnx_(_("--speak: espeak-ng cannot be loaded (%s): "
			    "install the Debian package espeak-ng"), dlerror());
		if (es.lib != NULL)
			dlclose(es.lib);
		es.lib = NULL;
		return false;
	}
	return true;
}

#define espeak_ng_InitializePath	(*es.InitializePath)
#define espeak_ng_Initialize		(*es.Initialize)
#define espeak_ng_ClearErrorContext	(*es.ClearErrorContext)
#define espeak_ng_GetStatusCodeMessage	(*es.GetStatusCodeMessage)
#define espeak_ng_InitializeOutput	(*es.InitializeOutput)
#define espeak_ng_Terminate		(*es.Terminate)
#define espeak_SetSynthCallback		(*es.SetSynthCallback)
#define espeak_ng_GetSampleRate		(*es.GetSampleRate)
#define espeak_ng_SetVoiceByProperties	(*es.SetVoiceByProperties)
#define espeak_ng_Synthesize		(*es.Synthesize)
#define espeak_ng_Synchronize		(*es.Synchronize)

struct speaker {
	const char	*dir;		/* NULL: the sound card */
	char		*lang;		/* the voice set last */
	int		 rate;		/* samples a second */
};

/*
 * espeak-ng hands the samples of a file's speech to one callback, with
 * no argument of ours: they gather here.
 */
static struct buf	samples;

static int
on_samples(short *wav, int n, espeak_EVENT *events)
{
	(void)events;
	if (wav != NULL && n > 0)
		buf_add(&samples, wav, (size_t)n * sizeof *wav);
	return 0;
}

static void
status_message(espeak_ng_STATUS status, char *buf, size_t len)
{
	espeak_ng_GetStatusCodeMessage(status, buf, len);
}

/* Whether path/name exists. */
static bool
exists_in(const char *path, const char *name)
{
	char *p = xasprintf("%s/%s", path, name);
	bool yes = access(p, F_OK) == 0;

	free(p);
	return yes;
}

/*
 * Whether sound can play at all: a playback device of the kernel's, or
 * a PulseAudio or PipeWire server to talk to.  espeak-ng cannot tell:
 * its output starts without either and fails only later, sentence by
 * sentence, in a flood of ALSA messages, and the mock went on in
 * silence.  REHEARSE_SND_DIR stands for /dev/snd, for the tests only.
 */
static bool
sound_available(const char **devices)
{
	const char *env, *run = getenv("XDG_RUNTIME_DIR");
	struct dirent *de;
	bool found = false;
	DIR *d;

	env = getenv("REHEARSE_SND_DIR");
	*devices = env != NULL && *env != '\0' ? env : "/dev/snd";
	if ((d = opendir(*devices)) != NULL) {
		while (!found && (de = readdir(d)) != NULL)
			found = fnmatch("pcmC*D*p", de->d_name, 0) == 0;
		closedir(d);
	}
	if ((env = getenv("PULSE_SERVER")) != NULL && *env != '\0')
		found = true;
	if (run != NULL && *run != '\0' && (exists_in(run, "pulse/native") ||
	    exists_in(run, "pipewire-0")))
		found = true;
	return found;
}

struct speaker *
speak_open(const char *dir)
{
	const char *devices;
	espeak_ng_ERROR_CONTEXT ctx = NULL;
	espeak_ng_STATUS status;
	struct speaker *sp;
	char why[256];

	if (!load_espeak(dir))
		return NULL;
	if (dir == NULL && !sound_available(&devices)) {
		snprintf(why, sizeof why, _("no playback device in %s and no "
		    "PulseAudio or PipeWire server"), devices);
		warnx_(_("--speak: no sound (%s); --speak-to DIR writes the "
		    "questions to files instead"), why);
		return NULL;
	}
	espeak_ng_InitializePath(NULL);
	if ((status = espeak_ng_Initialize(&ctx)) != ENS_OK) {
		status_message(status, why, sizeof why);
		espeak_ng_ClearErrorContext(&ctx);
		warnx_(_("espeak-ng cannot start: %s (is the espeak-ng-data "
		    "package installed?)"), why);
		return NULL;
	}
	status = espeak_ng_InitializeOutput(dir != NULL ?
	    ENOUTPUT_MODE_SYNCHRONOUS : ENOUTPUT_MODE_SPEAK_AUDIO, 0, NULL);
	if (status != ENS_OK) {
		status_message(status, why, sizeof why);
		if (dir != NULL)
			warnx_(_("espeak-ng cannot start: %s"), why);
		else
			warnx_(_("--speak: no sound (%s); --speak-to DIR "
			    "writes the questions to files instead"), why);
		espeak_ng_Terminate();
		return NULL;
	}
	espeak_SetSynthCallback(on_samples);
	sp = xcalloc(1, sizeof *sp);
	sp->dir = dir;
	sp->rate = espeak_ng_GetSampleRate();
	return sp;
}

void
speak_close(struct speaker *sp)
{
	if (sp == NULL)
		return;
	espeak_ng_Terminate();
	buf_free(&samples);
	free(sp->lang);
	free(sp);
}

/* espeak-ng knows voices by lower-case tags: "en-gb", "pt-br". */
static bool
set_voice(const char *tag)
{
	espeak_VOICE want;
	char lower[64];
	size_t i;

	for (i = 0; tag[i] != '\0' && i < sizeof lower - 1; i++)
		lower[i] = tag[i] >= 'A' && tag[i] <= 'Z' ?
		    (char)(tag[i] - 'A' + 'a') : tag[i];
	lower[i] = '\0';
	memset(&want, 0, sizeof want);
	want.languages = lower;
	return espeak_ng_SetVoiceByProperties(&want) == ENS_OK;
}

/*
 * The tag's voice, or that of its language alone ("pt" for "pt-PT");
 * a deck without a language speaks English, espeak-ng's default.
 */
static bool
choose_voice(struct speaker *sp, const char *lang)
{
	char primary[16];
	size_t n;

	if (lang == NULL)
		lang = "en";
	if (sp->lang != NULL && strcmp(sp->lang, lang) == 0)
		return true;
	n = strcspn(lang, "-_");
	if (!set_voice(lang)) {
		if (n >= sizeof primary || lang[n] == '\0')
			return false;
		memcpy(primary, lang, n);
		primary[n] = '\0';
		if (!set_voice(primary))
			return false;
	}
	free(sp->lang);
	sp->lang = xstrdup(lang);
	return true;
}

bool
speak_has_voice(struct speaker *sp, const char *lang)
{
	return choose_voice(sp, lang);
}

static void
put_le(FILE *fp, unsigned long v, int bytes)
{
	while (bytes-- > 0) {
		fputc((int)(v & 0xff), fp);
		v >>= 8;
	}
}

/* A canonical 44-byte header, then 16-bit mono samples, little-endian. */
static int
write_wav(const struct speaker *sp, const char *path)
{
	const short *s = (const short *)(const void *)samples.data;
	size_t i, n = samples.len / sizeof *s;
	FILE *fp;

	if ((fp = fopen(path, "wbe")) == NULL)
		return -1;
	fputs("RIFF", fp);
	put_le(fp, 36 + n * 2, 4);
	fputs("WAVEfmt ", fp);
	put_le(fp, 16, 4);
	put_le(fp, 1, 2);		/* PCM */
	put_le(fp, 1, 2);		/* mono */
	put_le(fp, (unsigned long)sp->rate, 4);
	put_le(fp, (unsigned long)sp->rate * 2, 4);
	put_le(fp, 2, 2);
	put_le(fp, 16, 2);
	fputs("data", fp);
	put_le(fp, n * 2, 4);
	for (i = 0; i < n; i++)
		put_le(fp, (unsigned short)s[i], 2);
	if (ferror(fp)) {
		fclose(fp);
		errno = errno != 0 ? errno : EIO;
		return -1;
	}
	return fclose(fp);
}

int
speak_say(struct speaker *sp, const char *lang, const char *text,
    const char *name)
{
	espeak_ng_STATUS status;
	char why[256], *path;
	int rc = 0;

	if (!choose_voice(sp, lang)) {
		warnx_(_("espeak-ng has no voice for the language '%s'"),
		    lang != NULL ? lang : "en");
		return -1;
	}
	buf_reset(&samples);
	/* With the pause at the end, as the espeak-ng program says it. */
	status = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER,
	    0, espeakCHARS_UTF8 | espeakENDPAUSE, NULL, NULL);
	if (status == ENS_OK)
		status = espeak_ng_Synchronize();
	if (status != ENS_OK) {
		status_message(status, why, sizeof why);
		warnx_(_("espeak-ng cannot speak: %s"), why);
		return -1;
	}
	if (sp->dir == NULL)
		return 0;
	path = xasprintf("%s/%s.wav", sp->dir, name);
	errno = 0;
	if (write_wav(sp, path) != 0) {
		warnx_(_("%s: cannot write: %s"), path, strerror(errno));
		rc = -1;
	}
	free(path);
	return rc;
}

#else	/* !HAVE_ESPEAK */

struct speaker *
speak_open(const char *dir)
{
	if (dir != NULL)
		warnx_("%s", _("--speak-to needs espeak-ng, and this rehearse "
		    "was built without it: install the packages espeak-ng and "
		    "libespeak-ng-dev, then configure and build rehearse "
		    "again"));
	else
		warnx_("%s", _("--speak needs espeak-ng, and this rehearse was "
		    "built without it: install the packages espeak-ng and "
		    "libespeak-ng-dev, then configure and build rehearse "
		    "again"));
	return NULL;
}

void
speak_close(struct speaker *sp)
{
	(void)sp;
}

bool
speak_has_voice(struct speaker *sp, const char *lang)
{
	(void)sp;
	(void)lang;
	return false;
}

int
speak_say(struct speaker *sp, const char *lang, const char *text,
    const char *name)
{
	(void)sp;
	(void)lang;
	(void)text;
	(void)name;
	return -1;
}

#endif
